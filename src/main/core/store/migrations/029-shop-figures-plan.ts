import type { Migration } from './types'

// Shop mode: the triggers of migration 028 keep each order copy's paid / refunded / methods, recomputed whenever a
// pulled order, payment or refund lands. Their `refunded` sum joined refunds to payments starting from the refunds,
// which SQLite reads by installation alone: every refund of that till, for every row pulled — a pull of a long
// history with refunds grew with the square of its size (bench:shop-detail: 20,000 orders 39 s, 40,000 orders 99 s).
// Same triggers, same figures; the sum now starts from the order's payments (CROSS JOIN keeps that order in SQLite),
// so each recompute reads one order's payments and their refunds by index.
const recompute = (installation: string, orderId: string) => `
  UPDATE shop_order_copy SET
    paid = (SELECT coalesce(sum(amount_received), 0) FROM shop_payment_copy
             WHERE installation = ${installation} AND order_id = ${orderId} AND status = 'succeeded'),
    methods = (SELECT coalesce(max(method = 'card'), 0) + 2 * coalesce(max(method = 'cash'), 0) + 4 * coalesce(max(method = 'credit'), 0)
                 FROM shop_payment_copy WHERE installation = ${installation} AND order_id = ${orderId}),
    refunded = (SELECT coalesce(sum(r.amount), 0) FROM shop_payment_copy p CROSS JOIN shop_refund_copy r
                    ON r.installation = p.installation AND r.payment_id = p.payment_id
                 WHERE p.installation = ${installation} AND p.order_id = ${orderId} AND r.status = 'succeeded')
  WHERE installation = ${installation} AND order_id = ${orderId};`

const orderOfPayment = (row: string) => `(SELECT order_id FROM shop_payment_copy WHERE installation = ${row}.installation AND payment_id = ${row}.payment_id)`

export const shopFiguresPlan: Migration = {
  version: 29,
  name: 'shop-figures-plan',
  sql: `
DROP TRIGGER shop_order_copy_figures_on_insert;
DROP TRIGGER shop_order_copy_figures_on_payment_insert;
DROP TRIGGER shop_order_copy_figures_on_payment_update;
DROP TRIGGER shop_order_copy_figures_on_refund_insert;
DROP TRIGGER shop_order_copy_figures_on_refund_update;
DROP TRIGGER shop_order_copy_figures_on_payment_delete;
DROP TRIGGER shop_order_copy_figures_on_refund_delete;
CREATE TRIGGER shop_order_copy_figures_on_insert AFTER INSERT ON shop_order_copy BEGIN ${recompute('NEW.installation', 'NEW.order_id')} END;
CREATE TRIGGER shop_order_copy_figures_on_payment_insert AFTER INSERT ON shop_payment_copy BEGIN ${recompute('NEW.installation', 'NEW.order_id')} END;
CREATE TRIGGER shop_order_copy_figures_on_payment_update AFTER UPDATE ON shop_payment_copy BEGIN
  ${recompute('OLD.installation', 'OLD.order_id')}
  ${recompute('NEW.installation', 'NEW.order_id')}
END;
CREATE TRIGGER shop_order_copy_figures_on_refund_insert AFTER INSERT ON shop_refund_copy BEGIN ${recompute('NEW.installation', orderOfPayment('NEW'))} END;
CREATE TRIGGER shop_order_copy_figures_on_refund_update AFTER UPDATE ON shop_refund_copy BEGIN ${recompute('NEW.installation', orderOfPayment('NEW'))} END;
CREATE TRIGGER shop_order_copy_figures_on_payment_delete AFTER DELETE ON shop_payment_copy BEGIN ${recompute('OLD.installation', 'OLD.order_id')} END;
CREATE TRIGGER shop_order_copy_figures_on_refund_delete AFTER DELETE ON shop_refund_copy BEGIN ${recompute('OLD.installation', orderOfPayment('OLD'))} END;
`,
}
