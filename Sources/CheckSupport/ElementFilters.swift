import Foundation
public import PortcullisHTML

extension HTMLElement {
    /// Whether the element sits inside `<template>`: libxml2 parses template content as ordinary children,
    /// but browsers never render it, so markup rules must skip it.
    public var isInsideTemplate: Bool { ancestors.contains { $0.name == "template" } }

    /// Whether the element or an ancestor is hidden from assistive technology by `aria-hidden="true"`.
    public var isAriaHidden: Bool {
        ([self] + ancestors).contains { $0.attribute("aria-hidden")?.lowercased() == "true" }
    }

    /// The trimmed value of `name`, `nil` when absent or only whitespace.
    public func nonEmptyAttribute(_ name: String) -> String? {
        guard let value = attribute(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }
}
