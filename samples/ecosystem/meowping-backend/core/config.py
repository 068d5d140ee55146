import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    database_url: str = os.environ.get("DATABASE_URL", "sqlite:///./meowping.db")
    redis_url: str = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    # Read at run time; never committed.
    jwt_secret: str = os.environ.get("JWT_SECRET", "")


settings = Settings()
