using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Publishing.Benchmarks.BenchmarkData).Assembly).Run(args);
