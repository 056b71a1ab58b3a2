namespace Comintech.Dsr.Csv;

/// <summary>
/// The one CSV writer (the staff request log and the access package's store files): RFC 4180 quoting, CRLF lines, and
/// every cell that a spreadsheet would run as a formula (starting with <c>= + - @</c>, tab or CR) prefixed with <c>'</c>.
/// </summary>
public static class SafeCsv
{
    /// <param name="systemColumns">Columns holding values the system made (request ids, which may start with <c>-</c>): quoted, never prefixed.</param>
    public static string Write(IEnumerable<string> columns, IEnumerable<IEnumerable<string>> rows, IReadOnlySet<int>? systemColumns = null)
    {
        var csv = new StringBuilder().AppendJoin(',', columns.Select(Cell)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select((value, i) => systemColumns?.Contains(i) == true ? Quoted(value) : Cell(value))).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string Cell(string value) =>
        Quoted(value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);

    private static string Quoted(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
