SELECT id FROM lockbox_items WHERE item_key = :item_key
