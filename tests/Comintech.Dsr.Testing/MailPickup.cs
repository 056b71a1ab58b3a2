using System.Text.RegularExpressions;
using MimeKit;

namespace Comintech.Dsr.Testing;

/// <summary>Reads the .eml files the local notifier writes, as a person reads their inbox.</summary>
public static partial class MailPickup
{
    public static async Task<MimeMessage> WaitForAsync(string directory, string fileName, TimeSpan timeout)
    {
        var path = Path.Combine(directory, fileName);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path))
            {
                return await MimeMessage.LoadAsync(path);
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No mail {fileName} in {directory} after {timeout.TotalSeconds} s.");
    }

    public static string CodeIn(MimeMessage message)
    {
        var match = SixDigits().Match(message.Subject ?? "");
        return match.Success ? match.Value : throw new InvalidOperationException("No 6-digit code in the message subject.");
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
