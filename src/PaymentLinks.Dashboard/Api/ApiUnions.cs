using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PaymentLinks.Dashboard.Api;

/// <summary>
/// An answer as one of the kinds a handler declares. A kind the handler did not declare is a bug in the handler
/// (its OpenAPI document would not list the status), so it throws rather than answering undocumented.
/// </summary>
public static class ApiUnions
{
    public static Results<T1, T2> As<T1, T2>(this ApiAnswer answer)
        where T1 : ApiAnswer where T2 : ApiAnswer =>
        answer switch { T1 a => a, T2 b => b, _ => throw Undeclared(answer) };

    public static Results<T1, T2, T3> As<T1, T2, T3>(this ApiAnswer answer)
        where T1 : ApiAnswer where T2 : ApiAnswer where T3 : ApiAnswer =>
        answer switch { T1 a => a, T2 b => b, T3 c => c, _ => throw Undeclared(answer) };

    public static Results<T1, T2, T3, T4> As<T1, T2, T3, T4>(this ApiAnswer answer)
        where T1 : ApiAnswer where T2 : ApiAnswer where T3 : ApiAnswer where T4 : ApiAnswer =>
        answer switch { T1 a => a, T2 b => b, T3 c => c, T4 d => d, _ => throw Undeclared(answer) };

    public static Results<T1, T2, T3, T4, T5> As<T1, T2, T3, T4, T5>(this ApiAnswer answer)
        where T1 : ApiAnswer where T2 : ApiAnswer where T3 : ApiAnswer where T4 : ApiAnswer where T5 : ApiAnswer =>
        answer switch { T1 a => a, T2 b => b, T3 c => c, T4 d => d, T5 e => e, _ => throw Undeclared(answer) };

    public static Results<T1, T2, T3, T4, T5, T6> As<T1, T2, T3, T4, T5, T6>(this ApiAnswer answer)
        where T1 : ApiAnswer where T2 : ApiAnswer where T3 : ApiAnswer where T4 : ApiAnswer where T5 : ApiAnswer where T6 : ApiAnswer =>
        answer switch { T1 a => a, T2 b => b, T3 c => c, T4 d => d, T5 e => e, T6 f => f, _ => throw Undeclared(answer) };

    private static UnreachableException Undeclared(ApiAnswer answer) =>
        new($"A handler answered {answer.GetType().Name} ({answer.StatusCode}), which its return type does not declare.");
}
