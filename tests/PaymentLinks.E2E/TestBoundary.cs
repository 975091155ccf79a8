using System.Reflection;
using Xunit.Sdk;

[assembly: PaymentLinks.E2E.TestBoundary]

namespace PaymentLinks.E2E;

/// <summary>
/// Counts the tests of the app's collection (<see cref="AppCollection"/>, one after another) as each one begins, so
/// that <see cref="AppFixture"/> can close the browser contexts an earlier test opened: left open, each kept its page
/// and its dashboard circuit alive (the circuit rechecking its session every second) for the rest of the run.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class TestBoundaryAttribute : BeforeAfterTestAttribute
{
    private static int _started;

    /// <summary>The number of the app collection's test now running.</summary>
    public static int Current => Volatile.Read(ref _started);

    public override void Before(MethodInfo methodUnderTest)
    {
        // The suites with an app of their own run beside that collection, and their tests are not its boundaries.
        if (methodUnderTest.DeclaringType!.GetCustomAttributesData().Any(a =>
                a.AttributeType == typeof(CollectionAttribute) && a.ConstructorArguments[0].Value as string == AppCollection.Name))
            Interlocked.Increment(ref _started);
    }
}
