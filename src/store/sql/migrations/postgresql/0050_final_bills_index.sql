-- The final bills, for the pass that closes an account once its final bill is settled
-- (orders/account_closing.h): a move-out's account is found without reading every bill.
CREATE INDEX bills_final_by_account ON bills (account_id) WHERE final = 1;
