#!/usr/bin/env bash
# ./tccmall demo: a scripted checkout through the gateway of a running local stack. Places, pays and cancels
# orders for the demo users, prints every step and the stock, wallet and coupon numbers before and after, and
# fails (exit 1) if the numbers do not add up.
set -euo pipefail

GATEWAY="${TCCMALL_GATEWAY_URL:-http://127.0.0.1:${TCCMALL_GATEWAY_PORT:-8080}}"
PASSWORD="${TCCMALL_DEMO_PASSWORD:-tccmall-demo}"
command -v jq >/dev/null || { echo "demo: jq is needed (apt-get install jq)" >&2; exit 1; }

B=$'\e[1m' G=$'\e[32m' R=$'\e[31m' N=$'\e[0m'
[[ -t 1 ]] || B='' G='' R='' N=''
step() { printf '\n%s== %s%s\n' "$B" "$*" "$N"; }
fail() { printf '%sFAILED: %s%s\n' "$R" "$*" "$N"; exit 1; }

STATUS=0 BODY=''
call() { # METHOD PATH TOKEN [JSON] [IDEMPOTENCY_KEY]
	local out
	out=$(curl -sS -X "$1" "$GATEWAY$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
		${5:+-H "Idempotency-Key: $5"} ${4:+-d "$4"} -w $'\n%{http_code}')
	STATUS=${out##*$'\n'}
	BODY=${out%$'\n'*}
}
expect() { # STATUS
	[[ $STATUS == "$1" ]] || fail "expected HTTP $1, got $STATUS: $BODY"
}
login() {
	curl -sS -X POST "$GATEWAY/api/auth/token" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" | jq -er .accessToken || fail "login of $1"
}
key() { echo "demo-$(date +%s%N)-$RANDOM"; }

stock() { # SKU -> "available frozen sold"
	call GET "/api/admin/products/$1/stock" "$ADMIN"
	expect 200
	jq -r '"\(.available) \(.frozen) \(.sold)"' <<<"$BODY"
}
wallet() { # TOKEN -> "balance frozen"
	call GET /api/wallet "$1"
	expect 200
	jq -r '"\(.balanceCents) \(.frozenCents)"' <<<"$BODY"
}
show_numbers() {
	printf '   %-10s available/frozen/sold: %s\n' "$SKU_A" "$(stock "$SKU_A")" "$SKU_B" "$(stock "$SKU_B")"
	printf '   %-10s balance/frozen (cents): %s\n' alice "$(wallet "$ALICE")" bob "$(wallet "$BOB")"
}

step "Log in as alice, bob and admin through POST /api/auth/token"
ALICE=$(login alice)
BOB=$(login bob)
ADMIN=$(login admin)
echo "   ok (three bearer tokens)"

call GET /api/products "$ALICE"
expect 200
SKU_A=${TCCMALL_DEMO_SKU_A:-SKU-0001}
SKU_B=${TCCMALL_DEMO_SKU_B:-SKU-0002}
PRICE_A=$(jq -er ".[] | select(.skuId == \"$SKU_A\") | .priceCents" <<<"$BODY") || fail "$SKU_A is not in the catalogue"
step "Catalogue: $(jq length <<<"$BODY") products; using $SKU_A ($PRICE_A cents) and $SKU_B"

step "Numbers before"
read -r A0_AVAIL A0_FROZEN A0_SOLD < <(stock "$SKU_A")
read -r B0_AVAIL B0_FROZEN B0_SOLD < <(stock "$SKU_B")
read -r ALICE0_BAL ALICE0_FROZEN < <(wallet "$ALICE")
show_numbers

step "alice claims a coupon of template 1 (5 off 50), or reuses one she has"
call POST /api/coupons/1/claims "$ALICE" '{}' "$(key)"
if [[ $STATUS == 201 ]]; then
	COUPON=$(jq -r .couponId <<<"$BODY")
	echo "   claimed $COUPON"
else
	echo "   claim refused ($(jq -r .code <<<"$BODY")): looking for an AVAILABLE one"
	call GET /api/coupons/mine "$ALICE"
	COUPON=$(jq -r '[.[] | select(.status == "AVAILABLE" and .templateId == 1)][0].couponId // empty' <<<"$BODY")
fi
QTY_A=$(( (5000 + PRICE_A - 1) / PRICE_A ))   # enough to reach the coupon's minimum spend
ITEMS="[{\"skuId\":\"$SKU_A\",\"quantity\":$QTY_A}]"
ORDER_BODY="{\"items\":$ITEMS${COUPON:+,\"couponId\":\"$COUPON\"}}"

step "alice places an order: $QTY_A x $SKU_A${COUPON:+ with coupon $COUPON}"
call POST /api/orders "$ALICE" "$ORDER_BODY" "$(key)"
expect 201
ORDER=$(jq -r .orderNo <<<"$BODY")
PAYABLE=$(jq -r .payableCents <<<"$BODY")
jq -c '{orderNo, status, totalCents, discountCents, payableCents, expiresAt}' <<<"$BODY" | sed 's/^/   /'
show_numbers

step "alice pays order $ORDER"
call POST "/api/orders/$ORDER/payment" "$ALICE" '{}' "$(key)"
expect 200
jq -c . <<<"$BODY" | sed 's/^/   /'
show_numbers
[[ -z ${COUPON:-} ]] || { call GET /api/coupons/mine "$ALICE"; echo "   coupon $COUPON: $(jq -r ".[] | select(.couponId == \"$COUPON\") | .status" <<<"$BODY")"; }

step "bob places an order for 1 x $SKU_B, then cancels it"
call POST /api/orders "$BOB" "{\"items\":[{\"skuId\":\"$SKU_B\",\"quantity\":1}]}" "$(key)"
expect 201
BOB_ORDER=$(jq -r .orderNo <<<"$BODY")
echo "   placed $BOB_ORDER: $(jq -r .status <<<"$BODY")"
call POST "/api/orders/$BOB_ORDER/cancellation" "$BOB" '{}' "$(key)"
expect 200
echo "   cancelled: $(jq -r .status <<<"$BODY")"

step "bob asks for more than there is: a 409 problem, nothing changes"
call POST /api/orders "$BOB" "{\"items\":[{\"skuId\":\"$SKU_B\",\"quantity\":10000}]}" "$(key)"
expect 409
jq -c '{status, code, detail}' <<<"$BODY" | sed 's/^/   /'

step "Numbers after"
read -r A1_AVAIL A1_FROZEN A1_SOLD < <(stock "$SKU_A")
read -r B1_AVAIL B1_FROZEN B1_SOLD < <(stock "$SKU_B")
read -r ALICE1_BAL ALICE1_FROZEN < <(wallet "$ALICE")
show_numbers

step "Do the numbers add up?"
check() { # DESCRIPTION EXPECTED ACTUAL
	if [[ $2 == "$3" ]]; then printf '   %sok%s   %s (%s)\n' "$G" "$N" "$1" "$3"; else fail "$1: expected $2, got $3"; fi
}
check "$SKU_A sold went up by $QTY_A" $((A0_SOLD + QTY_A)) "$A1_SOLD"
check "$SKU_A available went down by $QTY_A" $((A0_AVAIL - QTY_A)) "$A1_AVAIL"
check "$SKU_A total stock unchanged" $((A0_AVAIL + A0_FROZEN + A0_SOLD)) $((A1_AVAIL + A1_FROZEN + A1_SOLD))
check "$SKU_B unchanged after bob's cancel" "$B0_AVAIL $B0_FROZEN $B0_SOLD" "$B1_AVAIL $B1_FROZEN $B1_SOLD"
check "alice paid exactly the payable amount" $((ALICE0_BAL - PAYABLE)) "$ALICE1_BAL"
check "alice has nothing frozen" "$ALICE0_FROZEN" "$ALICE1_FROZEN"
printf '\n%sDemo done: the numbers add up.%s\n' "$G" "$N"
