// Force-included by the fuzz build (tests/fuzz/CMakeLists.txt) where the compiler is clang
// before 16: its C++20 support lacks the conditionally trivial special members that libstdc++'s
// <expected> requires, so that header declares nothing there. What follows stands in for the
// part of std::expected the project uses; with any compiler that has the real one, it is
// skipped.
#pragma once

#include <expected>

#if !defined(__cpp_lib_expected)

#include <exception>
#include <type_traits>
#include <utility>
#include <variant>

namespace std {

template <class E> class unexpected
{
public:
    template <class Err = E>
    requires(
        !is_same_v<remove_cvref_t<Err>,
            unexpected> && !is_same_v<remove_cvref_t<Err>, in_place_t> && is_constructible_v<E, Err>) constexpr explicit unexpected(Err&&
            error)
        : m_error(std::forward<Err>(error))
    { }
    constexpr const E& error() const& noexcept { return m_error; }
    constexpr E& error() & noexcept { return m_error; }
    constexpr E&& error() && noexcept { return std::move(m_error); }

private:
    E m_error;
};

template <class E> unexpected(E) -> unexpected<E>;

struct unexpect_t
{
    explicit unexpect_t() = default;
};
inline constexpr unexpect_t unexpect {};

template <class E> class bad_expected_access : public exception
{
public:
    explicit bad_expected_access(E error)
        : m_error(std::move(error))
    { }
    const char* what() const noexcept override
    {
        return "bad access to std::expected without expected value";
    }
    const E& error() const& noexcept { return m_error; }

private:
    E m_error;
};

namespace fcb_compat {
template <class T> inline constexpr bool isUnexpected = false;
template <class E> inline constexpr bool isUnexpected<unexpected<E>> = true;
} // namespace fcb_compat

template <class T, class E> class expected
{
public:
    using value_type = T;
    using error_type = E;
    using unexpected_type = unexpected<E>;

    constexpr expected() requires is_default_constructible_v<T> : m_v(in_place_index<0>) { }
    template <class U = T>
    requires(
        !is_same_v<remove_cvref_t<U>,
            expected> && !is_same_v<remove_cvref_t<U>, in_place_t> && !fcb_compat::isUnexpected<remove_cvref_t<U>> && is_constructible_v<T, U>) constexpr explicit(!is_convertible_v<U,
                                                                                                                                                                   T>)
        expected(U&& value)
        : m_v(in_place_index<0>, std::forward<U>(value))
    { }
    template <class G>
    constexpr expected(const unexpected<G>& u)
        : m_v(in_place_index<1>, u.error())
    { }
    template <class G>
    constexpr expected(unexpected<G>&& u)
        : m_v(in_place_index<1>, std::move(u).error())
    { }
    template <class... Args>
    constexpr explicit expected(in_place_t, Args&&... args)
        : m_v(in_place_index<0>, std::forward<Args>(args)...)
    { }
    template <class... Args>
    constexpr explicit expected(unexpect_t, Args&&... args)
        : m_v(in_place_index<1>, std::forward<Args>(args)...)
    { }

    constexpr bool has_value() const noexcept { return m_v.index() == 0; }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    constexpr T& value() &
    {
        check();
        return std::get<0>(m_v);
    }
    constexpr const T& value() const&
    {
        check();
        return std::get<0>(m_v);
    }
    constexpr T&& value() &&
    {
        check();
        return std::get<0>(std::move(m_v));
    }
    constexpr T& operator*() & noexcept { return *std::get_if<0>(&m_v); }
    constexpr const T& operator*() const& noexcept { return *std::get_if<0>(&m_v); }
    constexpr T&& operator*() && noexcept { return std::move(*std::get_if<0>(&m_v)); }
    constexpr T* operator->() noexcept { return std::get_if<0>(&m_v); }
    constexpr const T* operator->() const noexcept { return std::get_if<0>(&m_v); }
    constexpr E& error() & noexcept { return *std::get_if<1>(&m_v); }
    constexpr const E& error() const& noexcept { return *std::get_if<1>(&m_v); }
    constexpr E&& error() && noexcept { return std::move(*std::get_if<1>(&m_v)); }
    template <class U> constexpr T value_or(U&& other) const&
    {
        return has_value() ? **this : static_cast<T>(std::forward<U>(other));
    }
    template <class... Args> constexpr T& emplace(Args&&... args)
    {
        return m_v.template emplace<0>(std::forward<Args>(args)...);
    }

private:
    constexpr void check() const
    {
        if (!has_value())
            throw bad_expected_access<E>(*std::get_if<1>(&m_v));
    }
    variant<T, E> m_v;
};

template <class E> class expected<void, E>
{
public:
    using value_type = void;
    using error_type = E;
    using unexpected_type = unexpected<E>;

    constexpr expected() noexcept
        : m_v(in_place_index<0>)
    { }
    template <class G>
    constexpr expected(const unexpected<G>& u)
        : m_v(in_place_index<1>, u.error())
    { }
    template <class G>
    constexpr expected(unexpected<G>&& u)
        : m_v(in_place_index<1>, std::move(u).error())
    { }
    constexpr explicit expected(in_place_t) noexcept
        : m_v(in_place_index<0>)
    { }
    template <class... Args>
    constexpr explicit expected(unexpect_t, Args&&... args)
        : m_v(in_place_index<1>, std::forward<Args>(args)...)
    { }

    constexpr bool has_value() const noexcept { return m_v.index() == 0; }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    constexpr void operator*() const noexcept { }
    constexpr void value() const
    {
        if (!has_value())
            throw bad_expected_access<E>(*std::get_if<1>(&m_v));
    }
    constexpr E& error() & noexcept { return *std::get_if<1>(&m_v); }
    constexpr const E& error() const& noexcept { return *std::get_if<1>(&m_v); }
    constexpr E&& error() && noexcept { return std::move(*std::get_if<1>(&m_v)); }
    constexpr void emplace() noexcept { m_v.template emplace<0>(); }

private:
    variant<monostate, E> m_v;
};

} // namespace std

#endif
