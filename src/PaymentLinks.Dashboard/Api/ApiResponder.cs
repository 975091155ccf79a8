using PaymentLinks.Infrastructure.Idempotency;

namespace PaymentLinks.Dashboard.Api;

/// <summary>A write's answer, kept with its work when the request carries an Idempotency-Key.</summary>
public static class ApiResponder
{
    /// <summary>
    /// The request's one write, <paramref name="write"/>, and its answer: with an Idempotency-Key
    /// (<see cref="IdempotencyFilter"/>), the write stores that answer before it commits, so the two are never apart.
    /// </summary>
    public static async Task<ApiAnswer> WriteOnceAsync<T>(Func<Task<T>> write, Func<T, ApiAnswer> answer)
    {
        KeyedRequest.AnswerWith<T>(result => answer(result).Stored);
        return answer(await write());
    }
}
