/* core.p4 -- P4 Workbench's copy of the P4_16 core library.
 *
 * Declares the language-level building blocks every P4_16 program relies on: the
 * standard error codes, the packet_in / packet_out externs used by parsers and
 * deparsers, NoAction and the standard match kinds. The declarations (names, type
 * parameters, signatures) follow the p4c core library so programs written for p4c
 * compile unchanged; the text here is our own.
 */
#ifndef _CORE_P4_
#define _CORE_P4_

/* Error codes a parser may end with; programs can add their own error { } blocks. */
error {
    NoError,           // parsing finished without a problem
    PacketTooShort,    // an extract needed more bits than the packet had
    NoMatch,           // no select case matched
    StackOutOfBounds,  // a header stack was indexed past its end
    HeaderTooShort,    // a varbit extract asked for more bits than the field holds
    ParserTimeout,     // the parser ran for too long
    ParserInvalidArgument  // a parser operation got an argument it cannot use
}

/* The packet being parsed. */
extern packet_in {
    // Copies the next bits of the packet into a fixed-size header and marks it valid.
    void extract<T>(out T hdr);
    // Same for a header with one varbit field whose size is given in bits.
    void extract<T>(out T variableSizeHeader,
                    in bit<32> variableFieldSizeInBits);
    // Reads the next bits as a T without consuming them.
    T lookahead<T>();
    // Skips the given number of bits.
    void advance(in bit<32> sizeInBits);
    // Length of the whole packet in bytes (not available on every target).
    bit<32> length();
}

/* The packet being assembled by a deparser. */
extern packet_out {
    // Appends hdr (header, stack, union or struct of those) if it is valid.
    void emit<T>(in T hdr);
}

/* In a parser: when check is false, stop with error toSignal (goes to reject). */
extern void verify(in bool check, in error toSignal);

/* The action that does nothing; the default of a table without default_action. */
@noWarn("unused")
action NoAction() {}

/* Match kinds every architecture understands; architectures may add more. */
match_kind {
    exact,    // the key equals the entry
    ternary,  // the key equals the entry under a mask
    lpm       // the longest matching prefix wins
}

/* Compile-time assertions. */
extern bool static_assert(bool check, string message);
extern bool static_assert(bool check);

#endif  /* _CORE_P4_ */
