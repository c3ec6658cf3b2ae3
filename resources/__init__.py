"""Data that ships with the app: fonts, icons, styles, default texts. Found via practice.resources."""
