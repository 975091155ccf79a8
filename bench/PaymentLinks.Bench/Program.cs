using PaymentLinks.Bench;

// bench/run.sh calls one part at a time:   PaymentLinks.Bench <part> <provider> <connection string> <app URL> [options]
//   pages-to-open | seed-links <count> | lists <count> | completion | api | circuits <server pid> <links seeded>
// Each part prints rows of the table; a correctness check that fails (over-usage) makes the exit code 1.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: PaymentLinks.Bench pages-to-open|seed-links|lists|completion|api|circuits <provider> <connection string> <app URL> [count|pid]");
    return 2;
}
var (part, provider, connectionString, app) = (args[0], args[1], args[2], new Uri(args[3]));
var duration = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "5"));
await using var services = new BenchServices(provider, connectionString);
switch (part)
{
    case "pages-to-open":
        await DemoPages.PrintAsync(services);
        break;
    case "seed-links":
        await LinkListBench.SeedAsync(services, int.Parse(args[4]));
        break;
    case "lists":
        await LinkListBench.MeasureAsync(services, int.Parse(args[4]), runs: 60);
        break;
    case "completion":
        await CompletionBench.RunAsync(services, app, duration);
        break;
    case "api":
        await ApiBench.RunAsync(services, app, duration);
        break;
    case "circuits":
        await CircuitBench.RunAsync(app, int.Parse(args[4]), int.Parse(args[5]));
        break;
    default:
        Console.Error.WriteLine($"Unknown part: {part}");
        return 2;
}
return Environment.ExitCode;
