// Shapes shared by the handlers. Type-only: nothing here exists at runtime.

export interface InventoryItem {
  sku: string;
  name: string;
  category: string;
  priceCents: number;
  quantity: number;
  reserved?: number;
  reorderPoint?: number;
  priceVersion?: number;
  updatedAt: string;
}

export interface CatalogEntry {
  sku: string;
  name: string;
  category: string;
  priceCents: number;
  reorderPoint: number;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
