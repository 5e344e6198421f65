"""The newspaper core: decoding, parsing, the data model and the library. No Qt here."""
