using System.Net;
using System.Net.Sockets;

namespace PaymentLinks.Tests.Shared;

/// <summary>Where the tests run: free loopback ports and the repository they were built from.</summary>
public static class LocalMachine
{
    /// <summary>A loopback port free right now, for a process the test starts itself.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folder holding PaymentLinks.Dashboard.sln, above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "PaymentLinks.Dashboard.sln")))
                return folder.FullName;
        throw new InvalidOperationException("The repository root (PaymentLinks.Dashboard.sln) is not above the test binaries.");
    }
}
