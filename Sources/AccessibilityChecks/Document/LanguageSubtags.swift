/// The primary language subtags treated as known: every ISO 639-1 two-letter code (and the deprecated ones the
/// IANA registry still lists: `in`, `iw`, `ji`, `jw`, `mo`, `sh`), and the common ISO 639-2/639-3 three-letter codes
/// that have no two-letter equivalent (`fil`, `haw`, `yue`, `gsw`, …, plus the special `mul`, `und`, `zxx`, `mis`).
///
/// Three-letter codes that do have a two-letter code (`eng`, `fra`, `deu`) are not registered as subtags in the IANA
/// Language Subtag Registry, so BCP 47 does not allow them and they are deliberately absent. `qaa`–`qtz` (private
/// use) are recognised by ``LanguageTag`` as a range. A Swift table, not a loaded file: it is a constant lookup.
enum LanguageSubtags {
    /// The known primary subtags, lower-case.
    static let known: Set<String> = [
        "aa", "ab", "ace", "ach", "acm", "ada", "ady", "ae", "aeb", "af", "afa", "afb", "afh", "ain", "ajp", "ak",
        "akk", "ale", "alg", "alt", "am", "an", "ang", "anp", "apa", "apc", "apt", "ar", "arb", "arc", "arn", "arp",
        "arw", "ary", "arz", "as", "ast", "ath", "aus", "av", "awa", "ay", "ayl", "ayr", "az", "azb", "ba", "bad",
        "bai", "bal", "ban", "bar", "bas", "bat", "bcc", "be", "bej", "bem", "ber", "bfy", "bg", "bgc", "bh", "bho",
        "bi", "bik", "bin", "bjj", "bla", "bm", "bn", "bnt", "bo", "br", "bra", "bs", "btk", "bua", "bug", "byn",
        "ca", "cad", "cai", "cak", "car", "cau", "cdo", "ce", "ceb", "cel", "ch", "chb", "chg", "chk", "chm", "chn",
        "cho", "chp", "chr", "chy", "cim", "cjy", "ckb", "cmc", "cmn", "co", "cop", "cpe", "cpf", "cpp", "cpx", "cr",
        "crh", "crp", "cs", "csb", "ctg", "ctu", "cu", "cus", "cv", "cy", "da", "dak", "dar", "day", "de", "del",
        "den", "dgr", "din", "doi", "dra", "dsb", "dty", "dua", "dum", "dv", "dyu", "dz", "ee", "efi", "egy", "eka",
        "el", "elx", "en", "enm", "eo", "es", "et", "eu", "ewo", "fa", "fan", "fat", "ff", "fi", "fil", "fiu", "fj",
        "fo", "fon", "fr", "frm", "fro", "frr", "frs", "fur", "fy", "ga", "gaa", "gan", "gay", "gba", "gbm", "gd",
        "gem", "gez", "gil", "gl", "glk", "gmh", "gn", "goh", "gom", "gon", "gor", "got", "grb", "grc", "grt", "gsw",
        "gu", "gug", "gv", "gwi", "ha", "hai", "hak", "haw", "he", "hi", "hil", "him", "hit", "hmn", "hne", "ho",
        "hoc", "hr", "hsb", "hsn", "ht", "hu", "hup", "hus", "hy", "hz", "ia", "iba", "id", "ie", "ig", "ii", "ijo",
        "ik", "ilo", "in", "inc", "ine", "inh", "io", "ira", "iro", "is", "it", "iu", "iw", "ja", "jbo", "ji", "jpr",
        "jrb", "jv", "jw", "ka", "kaa", "kab", "kac", "kam", "kar", "kaw", "kbd", "kek", "kfy", "kg", "kha", "khi",
        "kho", "ki", "kj", "kk", "kl", "km", "kmb", "kmr", "kn", "ko", "koi", "kok", "kos", "kpe", "kpv", "kr",
        "krc", "krl", "kro", "kru", "ks", "ku", "kum", "kut", "kv", "kw", "ky", "la", "lad", "lah", "lam", "lb",
        "lez", "lg", "li", "lij", "lim", "lmo", "ln", "lo", "lol", "loz", "lrc", "lt", "ltg", "lu", "lua", "lui",
        "lun", "luo", "lus", "luz", "lv", "mad", "mag", "mai", "mak", "mam", "man", "map", "mas", "maz", "mdf",
        "mdr", "men", "mg", "mga", "mh", "mi", "mic", "min", "mis", "mix", "mk", "mkh", "ml", "mn", "mnc", "mni",
        "mno", "mo", "moh", "mos", "mr", "ms", "mt", "mul", "mun", "mup", "mus", "mwl", "mwr", "my", "myn", "myv",
        "mzn", "na", "nah", "nai", "nan", "nap", "nb", "nch", "nd", "nds", "ne", "new", "ng", "nhe", "nhn", "nia",
        "nic", "niu", "njz", "nl", "nn", "no", "nog", "non", "nqo", "nr", "nso", "nub", "nv", "nwc", "ny", "nym",
        "nyn", "nyo", "nzi", "oc", "oj", "om", "or", "os", "osa", "ota", "oto", "pa", "paa", "pag", "pal", "pam",
        "pap", "pau", "pdc", "peo", "pes", "pfl", "phi", "phn", "pi", "pl", "pms", "pon", "pra", "pro", "prs", "ps",
        "pt", "qu", "qub", "quc", "qug", "quh", "quy", "quz", "raj", "rap", "rar", "rhg", "rif", "rkt", "rm", "rn",
        "ro", "roa", "rom", "ru", "rue", "rup", "rw", "sa", "sad", "sah", "sai", "sal", "sam", "sas", "sat", "sc",
        "sck", "scn", "sco", "sd", "sdh", "se", "sel", "sem", "sg", "sga", "sgn", "sgs", "sh", "shi", "shn", "si",
        "sid", "sio", "sit", "sk", "sl", "sla", "sm", "sma", "smi", "smj", "smn", "sms", "sn", "snk", "so", "sog",
        "son", "sq", "sr", "srn", "srr", "ss", "ssa", "st", "stq", "su", "suk", "sus", "sux", "sv", "sw", "swh",
        "syc", "syl", "syr", "szl", "ta", "tai", "taq", "tcy", "te", "tem", "ter", "tet", "tg", "tgl", "th", "thv",
        "ti", "tig", "tiv", "tk", "tkl", "tl", "tlh", "tli", "tmh", "tn", "to", "tog", "top", "tpi", "tr", "ts",
        "tsi", "tt", "ttq", "tum", "tup", "tut", "tvl", "tw", "ty", "tyv", "tzh", "tzm", "tzo", "udm", "ug", "uga",
        "uk", "umb", "und", "unr", "ur", "uz", "uzs", "vai", "ve", "vec", "vi", "vls", "vo", "vot", "wa", "wae",
        "wak", "wal", "war", "was", "wbr", "wen", "wo", "wuu", "xal", "xh", "xnr", "yao", "yap", "yi", "yo", "ypk",
        "yrk", "yua", "yue", "za", "zai", "zap", "zbl", "zea", "zen", "zgh", "zh", "znd", "zpa", "zu", "zun", "zxx",
        "zza",
    ]
}
