import Foundation

// Benchmarks are run by hand or by `make bench`, never by the test suite: they print figures, they do not assert.
let arguments = Array(CommandLine.arguments.dropFirst())
let which = arguments.first ?? "all"
if which == "http" || which == "all" {
    try await HTTPBenchmark.run(arguments: Array(arguments.dropFirst()))
}
if which == "html" || which == "all" {
    try HTMLBenchmark.run(arguments: Array(arguments.dropFirst()))
}
if which == "crawl" || which == "all" {
    try await CrawlBenchmark.run(arguments: Array(arguments.dropFirst()))
}
if which == "csp" || which == "all" {
    try CSPBenchmark.run(arguments: Array(arguments.dropFirst()))
}
if which == "tls" || which == "all" {
    try await TLSBenchmark.run(arguments: Array(arguments.dropFirst()))
}
if which == "a11y" || which == "all" {
    try AccessibilityBenchmark.run(arguments: Array(arguments.dropFirst()))
}
if which == "sso" || which == "all" {
    try await SSOBenchmark.run(arguments: Array(arguments.dropFirst()))
}
if which == "reports" || which == "all" {
    try ReportBenchmark.run(arguments: Array(arguments.dropFirst()))
}
