using System.Data.Common;

namespace OneWindow.Bench;

/// <summary>Raw ADO.NET for the ceilings and the generators: a table's columns, a statement, a query read to the end.</summary>
public static class BenchSql
{
    public static async Task<List<string>> ColumnsAsync(DbConnection raw, BenchDatabase database, string table)
    {
        var columns = new List<string>();
        await using var cmd = raw.CreateCommand();
        cmd.CommandText = database.Provider == "Postgres"
            ? $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position"
            : $"SELECT name FROM pragma_table_info('{table}')";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }
        return columns;
    }

    public static async Task ExecAsync(DbConnection raw, string sql, DbTransaction? tx = null, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(raw, sql, parameters);
        cmd.Transaction = tx;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The values of one row, column by column (the first the query returns).</summary>
    public static async Task<Dictionary<string, object>> RowAsync(DbConnection raw, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(raw, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("No row: " + sql);
        }
        var row = new Dictionary<string, object>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = reader.GetValue(i);
        }
        return row;
    }

    /// <summary>An INSERT of one row with a parameter per column, named after the column's position.</summary>
    public static string InsertSql(string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@v{i}"))})";

    /// <summary>The parameters of <see cref="InsertSql"/> from a row's values, some of them replaced.</summary>
    public static (string Name, object Value)[] InsertParameters(IReadOnlyList<string> columns, Dictionary<string, object> row, Func<string, object?> replace) =>
        [.. columns.Select((c, i) => ($"@v{i}", replace(c) ?? row[c]))];

    /// <summary>Runs a query and reads every value of every row, as a page would.</summary>
    public static async Task QueryAsync(DbConnection raw, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(raw, sql, parameters);
        cmd.CommandTimeout = 0; // a scan to beat at ten million cases may take a minute
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }
        }
    }

    /// <summary>The first value of the first row, as text (null when there is none).</summary>
    public static async Task<string?> ScalarAsync(DbConnection raw, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(raw, sql, parameters);
        return (await cmd.ExecuteScalarAsync()) is { } value and not DBNull ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static DbCommand Command(DbConnection raw, string sql, (string Name, object Value)[] parameters)
    {
        var cmd = raw.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
