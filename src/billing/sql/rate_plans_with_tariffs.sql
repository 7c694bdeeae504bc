-- Every rate plan with its stored tariff and the first day it has not billed (NULL: none sent).
SELECT rp.code, rp.name, rp.commodity, rp.customer_class, rp.tariff,
       (SELECT MAX(s.period_end) FROM bill_sections s JOIN bills b ON b.id = s.bill_id
        WHERE s.rate_plan_code = rp.code AND s.active = 1 AND b.status = 'released')
         AS billed_until
FROM rate_plans rp
ORDER BY rp.code
