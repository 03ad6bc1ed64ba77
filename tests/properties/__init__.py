"""Property-based and fuzz tests over generated Markdown and bytes."""
