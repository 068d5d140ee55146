"""MeowPing backend: the FastAPI app the seed's session deployed.

It crashed on start with ModuleNotFoundError: No module named 'auth' — the
module below was never written. Muster reports it before deployment.
"""
try:
    import ujson as json  # optional speed-up; the standard library is the fallback
except ImportError:
    import json

import redis
from fastapi import Depends, FastAPI

from auth import get_current_user
from core.config import settings
from database import get_session
from routers import pings

app = FastAPI(title="MeowPing")
app.include_router(pings.router)
cache = redis.Redis.from_url(settings.redis_url)


@app.get("/health")
def health() -> dict:
    return {"status": "ok", "cache": bool(cache.ping())}


@app.get("/me")
def me(user=Depends(get_current_user), session=Depends(get_session)) -> str:
    return json.dumps({"user": user, "session": str(session)})
