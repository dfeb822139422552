using System.Text;

namespace Reconciler.Emulator.World;

/// <summary>Realistic-looking identifiers from a seeded Random, so a replayed scenario yields the same ids.</summary>
internal sealed class IdGenerator(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>A task id: 32 lowercase hex digits.</summary>
    public string TaskId() => Hex(32);

    /// <summary>A deployment id like ECS's <c>ecs-svc/1234567890123456789</c>.</summary>
    public string DeploymentId() => "ecs-svc/" + Digits(19);

    public string Guid() => $"{Hex(8)}-{Hex(4)}-{Hex(4)}-{Hex(4)}-{Hex(12)}";

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string Hex(int length) => Build(length, "0123456789abcdef");

    private string Digits(int length) => Build(length, "0123456789");

    private string Build(int length, string alphabet)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[_random.Next(alphabet.Length)]);
        }
        return text.ToString();
    }
}
