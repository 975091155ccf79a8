namespace PaymentLinks.Tests.Shared;

/// <summary>Real parallel calls: each on its own thread, all released together by one gate.</summary>
public static class AtOnce
{
    public static async Task<T[]> RunAsync<T>(IEnumerable<Func<Task<T>>> calls)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = calls.Select(call => Task.Run(async () =>
        {
            await gate.Task;
            return await call();
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }
}
