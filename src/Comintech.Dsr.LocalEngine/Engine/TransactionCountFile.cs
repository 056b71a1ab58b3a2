namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>
/// With <c>Engine:TransactionCountFile</c> set, writes the engine's storage transaction tally to that file every second
/// (replaced whole, so a reader never sees half of it): how <c>./bench.sh</c> reads what a run cost.
/// </summary>
public sealed class TransactionCountFile(StorageTransactions transactions, EngineOptions engine) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(engine.TransactionCountFile))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteAsync(engine.TransactionCountFile, transactions);
            }
        }
        catch (OperationCanceledException)
        {
            await WriteAsync(engine.TransactionCountFile, transactions);
        }
    }

    public static async Task WriteAsync(string path, StorageTransactions transactions)
    {
        var rows = transactions.Snapshot().Select(c => new TransactionCount(c.Key.Service, c.Key.Resource, c.Key.Step, c.Value)).ToList();
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(rows));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>One line of the tally file.</summary>
public sealed record TransactionCount(string Service, string Resource, string Step, long Count);
