using Sprache;

namespace SeilDiag.Seil.Syntax;

/// <summary>A parsed value with its position in the parsed string (Sprache's <see cref="IPositionAware{T}"/>).</summary>
internal sealed class Piece<T>(T value) : IPositionAware<Piece<T>>
{
    public Piece(T value, int start, int length)
        : this(value)
    {
        Start = start;
        Length = length;
    }

    public T Value { get; } = value;

    public int Start { get; private set; }

    public int Length { get; private set; }

    public int End => Start + Length;

    public Piece<T> SetPos(Position startPos, int length)
    {
        Start = startPos.Pos;
        Length = length;
        return this;
    }
}
