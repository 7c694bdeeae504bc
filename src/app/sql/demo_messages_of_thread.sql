-- The demo thread's messages: the customer's question and, when :answered is 1, the utility's
-- answer (both in the thread's language, told by its subject).
INSERT INTO messages (thread_id, from_utility, internal, actor, body, created_at)
SELECT t.id, 0, 0, t.opened_by,
       CASE WHEN t.subject LIKE '¿%'
            THEN 'Mi factura de este mes es más alta que la anterior. ¿Leyeron bien el medidor?'
            ELSE 'My bill this month is higher than the last one. Was the meter read right?' END,
       :at
FROM message_threads t WHERE t.account_id = :account
UNION ALL
SELECT t.id, 1, 0, 'staff:demo',
       CASE WHEN t.subject LIKE '¿%'
            THEN 'Revisamos la lectura y es correcta: este período tuvo más días y más frío. Vea su consumo día a día en Consumo.'
            ELSE 'We checked the read and it is right: this period had more days and colder weather. See your use day by day on the Usage page.' END,
       :at_again
FROM message_threads t WHERE t.account_id = :account_again AND :answered = 1
