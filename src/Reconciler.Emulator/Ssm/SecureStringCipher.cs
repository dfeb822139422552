using System.Security.Cryptography;
using System.Text;

namespace Reconciler.Emulator.Ssm;

/// <summary>
/// What GetParameter returns for a SecureString without WithDecryption: AWS returns the KMS ciphertext blob,
/// base64. The emulator returns an opaque blob of the same look that never contains the plaintext.
/// </summary>
internal static class SecureStringCipher
{
    // Real KMS ciphertext blobs start with these bytes, so base64 reads "AQICAH...".
    private static readonly byte[] Header = [0x01, 0x02, 0x02, 0x00, 0x78];

    public static string Encrypt(string name, long version, string value)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{version}\n{value}"));
        return Convert.ToBase64String([.. Header, .. digest, .. digest]);
    }
}
