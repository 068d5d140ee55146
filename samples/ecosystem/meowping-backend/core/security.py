from datetime import datetime, timedelta, timezone

from jose import jwt

from .config import settings


def issue_token(subject: str) -> str:
    expires = datetime.now(timezone.utc) + timedelta(hours=1)
    return jwt.encode({"sub": subject, "exp": expires}, settings.jwt_secret, algorithm="HS256")
