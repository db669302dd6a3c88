// The generated `EmbeddedLexicon` enum (see Plugins/EmbedLexiconPlugin) is this module's content.
