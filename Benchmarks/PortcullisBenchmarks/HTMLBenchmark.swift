enum HTMLBenchmark { static func run(arguments: [String]) throws {} }
