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

    /// <summary>
    /// The latest code mailed to <paramref name="address"/> and the request it is for (read from the file name), as a
    /// person who submitted twice finds it: a repeat of an open request is answered with an alias id, not the request's.
    /// </summary>
    public static async Task<(string RequestId, string Code)> WaitForCodeToAsync(string directory, string address, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.code-*.eml").Order(StringComparer.Ordinal).Reverse())
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    return (Path.GetFileName(file).Split('.')[0], CodeIn(message));
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No code mailed to {address} in {directory} after {timeout.TotalSeconds} s.");
    }

    public static string CodeIn(MimeMessage message)
    {
        var match = SixDigits().Match(message.Subject ?? "");
        return match.Success ? match.Value : throw new InvalidOperationException("No 6-digit code in the message subject.");
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
