-- What completing the order recorded: the readings taken and what was done, and the final bill.
UPDATE service_orders SET results = :results, final_bill_id = :final_bill WHERE id = :id
