namespace PaymentLinks.Tests.Shared;

/// <summary>
/// Waits for state written by background work (the sweeper, the webhook dispatcher). Wait on what was
/// stored, not on a side effect seen elsewhere: a receiver gets its request before the dispatcher saves.
/// </summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not within {seconds} s: {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until <paramref name="find"/> finds something, and returns it.</summary>
    public static async Task<T> UntilFoundAsync<T>(Func<T?> find, string what, int seconds = 15) where T : class
    {
        T? found = null;
        await UntilAsync(() => Task.FromResult((found = find()) is not null), what, seconds);
        return found!;
    }
}
