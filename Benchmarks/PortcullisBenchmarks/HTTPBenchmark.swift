enum HTTPBenchmark { static func run(arguments: [String]) async throws {} }
