using BenchmarkDotNet.Running;
using CupsAndString.Bench.ControlPlane;

if (args.Length > 0 && args[0] == "control-plane")
{
    return await ControlPlaneBenchmark.RunAsync(args[1..], CancellationToken.None);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
