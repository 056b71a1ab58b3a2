using Azure.Data.Tables;

namespace Comintech.Dsr.Testing;

public static class TableRows
{
    /// <summary>Every entity of a table, for assertions.</summary>
    public static async Task<List<TableEntity>> AllAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The entity's property values, to search them for text that must not be there.</summary>
    public static IEnumerable<object> Values(this TableEntity entity) => ((IDictionary<string, object>)entity).Values;
}
