from datetime import datetime

from pydantic import BaseModel


class PingOut(BaseModel):
    cat: str
    sent_at: datetime
