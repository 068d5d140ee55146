from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel

from models import Ping  # noqa: F401

from . import schemas

router = APIRouter(prefix="/pings")


class PingIn(BaseModel):
    cat: str


@router.post("/")
def create(ping: PingIn) -> schemas.PingOut:
    return schemas.PingOut(cat=ping.cat, sent_at=datetime.now())
