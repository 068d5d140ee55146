from sqlalchemy import Column, DateTime, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Ping(Base):
    __tablename__ = "pings"

    id = Column(Integer, primary_key=True)
    cat = Column(String(64), nullable=False)
    sent_at = Column(DateTime, nullable=False)
