using BenchmarkDotNet.Running;
using MomentoTokenVending.Core.Benchmarks;

// Arguments go to BenchmarkDotNet, e.g. `./build.sh bench --job short`.
BenchmarkRunner.Run<VendingBenchmarks>(args: args);
