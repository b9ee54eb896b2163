"""Persistence: SQLAlchemy models, the engine, migrations and the services that own sessions."""
