using System.Data.Common;
using System.Globalization;

namespace DanVan.Plugins.Storage.Records;

/// <summary>The parameters of one statement, named @p0, @p1, … in the order they are added.</summary>
internal sealed class SqlParameters
{
    private readonly List<object> _values = [];

    public string Add(object value)
    {
        _values.Add(value);
        return "@p" + (_values.Count - 1).ToString(CultureInfo.InvariantCulture);
    }

    public void ApplyTo(DbCommand command)
    {
        for (var i = 0; i < _values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = _values[i];
            command.Parameters.Add(parameter);
        }
    }
}
