namespace Comintech.Dsr.Storage;

/// <summary>
/// A positional record kept as one table row: each parameter of its constructor is a column of the same name, enums
/// as their names. A column an older row lacks reads as the type's default.
/// </summary>
public static class RecordRows
{
    public static TableEntity Write<T>(string partitionKey, string rowKey, T record)
        where T : notnull
    {
        var row = new TableEntity(partitionKey, rowKey);
        foreach (var column in Columns<T>.Parameters)
        {
            var value = typeof(T).GetProperty(column.Name!)!.GetValue(record);
            row[column.Name!] = value is Enum named ? named.ToString() : value;
        }

        return row;
    }

    public static T Read<T>(TableEntity row)
        where T : notnull =>
        (T)Columns<T>.Constructor.Invoke([.. Columns<T>.Parameters.Select(column => Value(row, column.Name!, column.ParameterType))]);

    private static object? Value(TableEntity row, string column, Type type) => type switch
    {
        _ when type.IsEnum => row.GetString(column) is { } name ? Enum.Parse(type, name) : Activator.CreateInstance(type),
        _ when type == typeof(string) => row.GetString(column),
        _ when type == typeof(int) => row.GetInt32(column) ?? 0,
        _ when type == typeof(long) => row.GetInt64(column) ?? 0L,
        _ when type == typeof(bool) => row.GetBoolean(column) ?? false,
        _ when type == typeof(DateTimeOffset) => row.GetDateTimeOffset(column) ?? default,
        _ => throw new NotSupportedException($"A table row has no column type for {type.Name} ({column})."),
    };

    private static class Columns<T>
    {
        public static readonly System.Reflection.ConstructorInfo Constructor = typeof(T).GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new NotSupportedException($"{typeof(T).Name} has no public constructor.");

        public static readonly System.Reflection.ParameterInfo[] Parameters = Constructor.GetParameters();
    }
}
