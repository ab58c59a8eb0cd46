import A11yModel
import PortcullisHTML

/// Which elements are native form fields, for the form-field rules (`label`, `select-name`, `label-title-only`,
/// `form-field-multiple-labels`).
enum FormFields {
    /// `input` types that are not text-like fields needing a label (they are buttons or not rendered).
    static let nonFieldInputTypes: Set<String> = ["hidden", "image", "button", "submit", "reset"]

    /// Whether element `index` is an `<input>` needing a label or a `<textarea>` (the `label` rule's elements).
    static func isLabelledInput(_ page: A11yPage, _ index: Int) -> Bool {
        let node = page.node(index)
        switch node.name {
        case "textarea": return true
        case "input": return !nonFieldInputTypes.contains(NameRuleSupport.inputType(node))
        default: return false
        }
    }

    /// Every native form field (labelled inputs, textareas, selects), in document order; found once per page and
    /// shared by the rules reading them.
    static func all(_ page: A11yPage) -> [Int] {
        page.derived(FormFieldList.self) { page in
            let inputs = (page.snapshot.indices(named: "input") + page.snapshot.indices(named: "textarea")).filter {
                isLabelledInput(page, $0)
            }
            return FormFieldList(fields: (inputs + page.snapshot.indices(named: "select")).sorted())
        }.fields
    }
}

/// The page's form fields, shared through ``A11yPage/derived(_:_:)``.
private struct FormFieldList {
    let fields: [Int]
}
