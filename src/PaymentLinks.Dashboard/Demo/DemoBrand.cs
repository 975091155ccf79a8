using System.Text;

namespace PaymentLinks.Dashboard.Demo;

/// <summary>The demo roastery's look on its checkout pages: a coffee-brown accent and a bean for a logo.</summary>
internal static class DemoBrand
{
    public const string Accent = "#7c2d12";

    public static byte[] Logo { get; } = Encoding.UTF8.GetBytes("""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="128" height="128">
          <ellipse cx="32" cy="32" rx="20" ry="27" transform="rotate(30 32 32)" fill="#7c2d12"/>
          <path d="M22 12 C38 24 26 40 42 52" fill="none" stroke="#fde68a" stroke-width="4" stroke-linecap="round"/>
        </svg>
        """);
}
