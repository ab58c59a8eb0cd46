import Testing

@testable import TLSScan

/// The per-host limiter never lets more than its permits through at once, and lets everyone through eventually.
@Suite struct ConnectionLimiterTests {
    private actor Gauge {
        var current = 0
        var peak = 0
        var total = 0

        func enter() {
            current += 1
            total += 1
            peak = max(peak, current)
        }

        func leave() { current -= 1 }
    }

    @Test(arguments: [1, 4])
    func concurrencyStaysWithinThePermits(_ permits: Int) async {
        let limiter = ConnectionLimiter(permits: permits)
        let gauge = Gauge()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<24 {
                group.addTask {
                    await limiter.acquire()
                    await gauge.enter()
                    try? await Task.sleep(for: .milliseconds(2))
                    await gauge.leave()
                    await limiter.release()
                }
            }
        }
        #expect(await gauge.peak <= permits)
        #expect(await gauge.peak >= 1)
        #expect(await gauge.total == 24)
    }

    @Test func durationsBecomePollMilliseconds() {
        #expect(Duration.milliseconds(1500).pollMilliseconds == 1500)
        #expect(Duration.zero.pollMilliseconds == 1)
        #expect(Duration.seconds(-5).pollMilliseconds == 1)
        #expect(Duration.seconds(Int64.max).pollMilliseconds == Int(Int32.max))
    }
}
