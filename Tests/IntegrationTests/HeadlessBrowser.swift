import Foundation
import TestSupport

/// Chromium run headless on `file://` pages for the browser tests: the DOM after load, what the page logged to
/// the console (CSP violations included), screenshots.
///
/// Detection reads Chromium's own log (`--enable-logging=stderr`): Blink mirrors every console message of a page
/// into it as an `INFO:CONSOLE` line, and a Content-Security-Policy violation is reported there as a console
/// message naming the violated directive. Headless Chromium logs every console level as `INFO`, so the log cannot
/// tell `console.error` from `console.log`; the audit report runs no script at all, so any console line from it is
/// a defect and is counted. Each run gets a private profile, no sandbox (tests run as root), no GPU, no
/// extensions, no background networking, and is killed when it overruns its time.
struct HeadlessBrowser {
    /// The browser program.
    let executable: String

    /// What a page did while loading.
    struct PageLoad {
        /// The DOM Chromium serialised after the load event (`--dump-dom`).
        var dom: String
        /// Console lines that report a Content-Security-Policy violation.
        var cspViolations: [String]
        /// Every other console line: errors, uncaught exceptions, any logging at all.
        var consoleMessages: [String]
        /// Chromium's whole log, for failure messages.
        var log: String
    }

    /// Why the browser could not be used.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        var description: String
    }

    /// The first of chromium, chromium-browser, google-chrome in `PATH`; throws naming `make deps` when none is.
    static func locate() throws -> HeadlessBrowser {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return HeadlessBrowser(executable: path) }
            }
        }
        throw Failure(description: "Chromium is not installed (chromium not in PATH): run `make deps`")
    }

    /// Loads `page` and returns its DOM and console.
    func load(_ page: URL, seconds: Double = 30) async throws -> PageLoad {
        let result = try await run(["--dump-dom", page.absoluteURL.absoluteString], seconds: seconds)
        let log = String(decoding: result.errorOutput, as: UTF8.self)
        let console = Self.consoleLines(in: log)
        return PageLoad(
            dom: String(decoding: result.output, as: UTF8.self),
            cspViolations: console.filter { $0.contains("Content Security Policy") },
            consoleMessages: console.filter { !$0.contains("Content Security Policy") },
            log: log
        )
    }

    /// Takes a PNG screenshot of `page` in a `width` × `height` window into `png`.
    func screenshot(_ page: URL, to png: URL, width: Int, height: Int, seconds: Double = 30) async throws {
        _ = try await run(
            [
                "--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars",
                page.absoluteURL.absoluteString,
            ],
            seconds: seconds
        )
        guard FileManager.default.fileExists(atPath: png.path) else {
            throw Failure(description: "Chromium wrote no screenshot of \(page.path)")
        }
    }

    /// The console messages in a Chromium log: the quoted text of each `CONSOLE` line.
    static func consoleLines(in log: String) -> [String] {
        log.split(separator: "\n").compactMap { line -> String? in
            guard let marker = line.range(of: ":CONSOLE"), let end = line[marker.upperBound...].firstIndex(of: "]")
            else { return nil }
            return line[line.index(after: end)...].trimmingCharacters(in: .whitespaces)
        }
    }

    /// Runs the browser on a `file://` URL with a private profile; fails when it exits badly or overruns.
    private func run(_ arguments: [String], seconds: Double) async throws -> ChildProcess.Result {
        let profile = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: profile) }
        precondition(arguments.last?.hasPrefix("file://") == true, "the browser tests load file:// URLs only")
        let flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--enable-logging=stderr", "--user-data-dir=\(profile.path)",
        ]
        let result = try await ChildProcess.run(executable, flags + arguments, timeout: seconds)
        guard result.status == 0 else {
            let log = String(decoding: result.errorOutput, as: UTF8.self).split(separator: "\n").suffix(8)
            throw Failure(description: "Chromium exited with \(result.status): \(log.joined(separator: "\n"))")
        }
        return result
    }
}

/// A PNG decoded far enough to judge whether a screenshot shows something: Chromium's 8-bit RGB / RGBA,
/// non-interlaced PNGs. Python's zlib inflates the image data; the scanline filters are undone here.
struct ScreenshotStatistics: CustomStringConvertible {
    /// Pixels across.
    var width: Int
    /// Pixels down.
    var height: Int
    /// How many different colours the pixels have.
    var distinctColours: Int
    /// The share of pixels that are not pure white.
    var nonWhiteShare: Double
    /// The share of pixels that differ from the most common colour (the background).
    var nonBackgroundShare: Double

    var description: String {
        let nonWhite = String(format: "%.1f", nonWhiteShare * 100)
        let nonBackground = String(format: "%.1f", nonBackgroundShare * 100)
        return "\(width)x\(height) PNG, \(distinctColours) distinct colours, \(nonWhite)% non-white, "
            + "\(nonBackground)% not the background colour"
    }

    /// Decodes `png` and counts its colours.
    static func read(_ png: URL) async throws -> ScreenshotStatistics {
        let raw = png.deletingPathExtension().appendingPathExtension("raw")
        defer { try? FileManager.default.removeItem(at: raw) }
        let script = """
            import struct, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
            pos, idat, header = 8, [], None
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if kind == b'IHDR': header = struct.unpack('>IIBBBBB', body)
                if kind == b'IDAT': idat.append(body)
                pos += 12 + length
            open(sys.argv[2], 'wb').write(zlib.decompress(b''.join(idat)))
            print(header[0], header[1], header[2], header[3], header[6])
            """
        let result = try await ChildProcess.run("python3", ["-c", script, png.path, raw.path], timeout: 30)
        let fields = String(decoding: result.output, as: UTF8.self).split(separator: " ")
            .compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard result.status == 0, fields.count == 5 else {
            throw HeadlessBrowser.Failure(
                description: "cannot decode \(png.path): \(String(decoding: result.errorOutput, as: UTF8.self))"
            )
        }
        let (width, height, depth, colourType, interlace) = (fields[0], fields[1], fields[2], fields[3], fields[4])
        guard depth == 8, colourType == 2 || colourType == 6, interlace == 0 else {
            throw HeadlessBrowser.Failure(
                description: "unexpected PNG layout: depth \(depth), colour type \(colourType), interlace \(interlace)"
            )
        }
        return try statistics(
            Array(try Data(contentsOf: raw)),
            width: width,
            height: height,
            bytesPerPixel: colourType == 2 ? 3 : 4
        )
    }

    /// Undoes the PNG filters of `filtered` (a filter byte, then a row) and counts the colours.
    static func statistics(
        _ filtered: [UInt8],
        width: Int,
        height: Int,
        bytesPerPixel: Int
    ) throws
        -> ScreenshotStatistics
    {
        let stride = width * bytesPerPixel
        guard filtered.count == height * (stride + 1) else {
            throw HeadlessBrowser.Failure(description: "PNG data has \(filtered.count) bytes for \(width)x\(height)")
        }
        var previous = [UInt8](repeating: 0, count: stride)
        var row = [UInt8](repeating: 0, count: stride)
        var counts: [UInt32: Int] = [:]
        for y in 0..<height {
            let start = y * (stride + 1)
            let filter = filtered[start]
            for x in 0..<stride {
                let byte = filtered[start + 1 + x]
                let left = x >= bytesPerPixel ? Int(row[x - bytesPerPixel]) : 0
                let up = Int(previous[x])
                let upLeft = x >= bytesPerPixel ? Int(previous[x - bytesPerPixel]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let (toLeft, toUp, toUpLeft) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    predictor = toLeft <= toUp && toLeft <= toUpLeft ? left : (toUp <= toUpLeft ? up : upLeft)
                default: throw HeadlessBrowser.Failure(description: "PNG row \(y) has filter \(filter)")
                }
                row[x] = byte &+ UInt8(truncatingIfNeeded: predictor)
            }
            for x in Swift.stride(from: 0, to: stride, by: bytesPerPixel) {
                let colour = UInt32(row[x]) << 16 | UInt32(row[x + 1]) << 8 | UInt32(row[x + 2])
                counts[colour, default: 0] += 1
            }
            swap(&previous, &row)
        }
        let pixels = Double(width * height)
        let background = counts.values.max() ?? 0
        return ScreenshotStatistics(
            width: width,
            height: height,
            distinctColours: counts.count,
            nonWhiteShare: 1 - Double(counts[0xFF_FFFF] ?? 0) / pixels,
            nonBackgroundShare: 1 - Double(background) / pixels
        )
    }
}
