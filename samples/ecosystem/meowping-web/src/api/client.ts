import { BASE_URL } from '../config';

export interface Ping {
  cat: string;
  sent_at: string;
}

export async function fetchPings(): Promise<Ping[]> {
  const response = await fetch(`${BASE_URL}/pings/`);
  return (await response.json()) as Ping[];
}
