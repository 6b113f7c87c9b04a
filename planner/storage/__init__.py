"""Storage: the typed ORM, the database engine and its migrations. No Qt here."""
