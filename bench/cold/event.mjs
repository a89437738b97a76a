// The event every cold-start script validates first.
export const EVENT = {
  event: 'product_received',
  receivedBy: 'Ana Souza',
  receptionDate: 1718000000000,
  notes: 'Box slightly damaged on arrival, photos attached to the ticket.',
};
